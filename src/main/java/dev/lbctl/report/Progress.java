package dev.lbctl.report;

import dev.lbctl.i18n.Messages;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One line per step on stderr: what is being done, its outcome and how long it took ({@code ✓ Applying CRDs (1.2s)}).
 * Results never go here: stdout stays clean for pipes.
 */
public final class Progress {

    private final PrintWriter err;
    private final boolean unicode;

    public Progress(PrintWriter err, boolean unicode) {
        this.err = err;
        this.unicode = unicode;
    }

    /** A progress sink that prints nothing (used by tests and by -o json callers that want silence). */
    public static Progress silent() {
        return new Progress(new PrintWriter(java.io.Writer.nullWriter()), false);
    }

    /** Runs a step, printing its line when it ends; a failing step is printed as failed and its exception rethrown. */
    public <T> T step(String title, Supplier<T> action) {
        long start = System.nanoTime();
        try {
            T result = action.get();
            line(unicode ? "✓" : Messages.get("progress.ok"), title, start);
            return result;
        } catch (RuntimeException e) {
            line(unicode ? "✗" : Messages.get("progress.failed"), title, start);
            throw e;
        }
    }

    public void step(String title, Runnable action) {
        step(title, () -> {
            action.run();
            return null;
        });
    }

    public void info(String message) {
        err.println(message);
        err.flush();
    }

    public void warn(String message) {
        err.println(Messages.get("progress.warning", message));
        err.flush();
    }

    public void skipped(String title, String why) {
        err.println(Messages.get(unicode ? "progress.skipped.unicode" : "progress.skipped", title, why));
        err.flush();
    }

    private void line(String mark, String title, long startNanos) {
        err.println(Messages.get("progress.step", mark, title, seconds(Duration.ofNanos(System.nanoTime() - startNanos))));
        err.flush();
    }

    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
