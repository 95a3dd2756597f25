package dev.lbctl.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * CellWidth is what lbctl believes a terminal does; this asks a real one. Each table line, up to where its second
 * column starts, is printed in a tmux pane and the cursor column read back: a terminal that counts the Japanese
 * cells as lbctl does puts every line's cursor at the same column. Skipped where tmux is not installed, except in CI.
 */
class TerminalAlignmentTest {

    private static final java.util.concurrent.atomic.AtomicInteger SOCKETS = new java.util.concurrent.atomic.AtomicInteger();

    @Test
    void japaneseColumnsStartAtTheSameTerminalColumn() throws Exception {
        if (System.getenv("CI") != null) {
            // CI must not skip it silently: .ci/run installs tmux where it is missing.
            org.junit.jupiter.api.Assertions.assertTrue(tmuxAvailable(), "tmux is not installed (.ci/run installs it)");
        } else {
            assumeTrue(tmuxAvailable(), "tmux is not installed");
        }
        List<String[]> rows = List.of(new String[] {"既定のプール", "192.168.1.240-250"}, new String[] {"lab", "10.0.0.0/24"},
                new String[] {"ｈａｌｆ", "10.0.1.0/24"});
        String text = new Table<String[]>().column("名前", r -> r[0]).column("アドレス", r -> r[1]).render(rows);
        List<String> lines = text.lines().toList();
        List<String> secondColumn = new ArrayList<>(List.of("アドレス"));
        rows.forEach(r -> secondColumn.add(r[1]));
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            columns.add(cursorAfter(line.substring(0, line.indexOf(secondColumn.get(i)))));
        }
        assertThat(columns).as(text).hasSize(4).allMatch(c -> c.equals(columns.get(0)) && c > 0);
    }

    private static boolean tmuxAvailable() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The cursor column after {@code text} is written to a fresh 200-column tmux pane. */
    private static int cursorAfter(String text) throws Exception {
        Path file = Files.createTempFile("lbctl-cells", ".txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        // A socket per call: a server being killed must not answer for the next one.
        String socket = "lbctl-cells-" + ProcessHandle.current().pid() + "-" + SOCKETS.incrementAndGet();
        try {
            run("tmux", "-u", "-L", socket, "new-session", "-d", "-x", "200", "-y", "5",
                    "cat " + file + "; sleep 30");
            for (int i = 0; i < 100; i++) {
                String x = run("tmux", "-L", socket, "display", "-p", "#{cursor_x}").strip();
                if (x.matches("[1-9][0-9]*")) {
                    return Integer.parseInt(x);
                }
                Thread.sleep(50);
            }
            return 0;
        } finally {
            String socketPath = run("tmux", "-L", socket, "display", "-p", "#{socket_path}").strip();
            run("tmux", "-L", socket, "kill-server");
            // tmux leaves its socket file behind.
            if (socketPath.startsWith("/")) {
                Files.deleteIfExists(Path.of(socketPath));
            }
            Files.deleteIfExists(file);
        }
    }

    private static String run(String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }
}
