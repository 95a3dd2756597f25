package dev.lbctl.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.ColumnData;
import com.github.freva.asciitable.HorizontalAlign;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TableTest {

    private static Table<List<String>> table(int columns) {
        Table<List<String>> t = new Table<>();
        for (int i = 0; i < columns; i++) {
            int c = i;
            t.column("h" + "x".repeat(i), row -> row.get(c));
        }
        return t;
    }

    /** What the table printed before it measured cells: ascii-table, borderless, common indent and trailing spaces cut. */
    private static String asciiTable(int columns, List<List<String>> rows) {
        List<ColumnData<List<String>>> data = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            int c = i;
            data.add(new Column().header(("h" + "x".repeat(i)).toUpperCase()).headerAlign(HorizontalAlign.LEFT)
                    .dataAlign(HorizontalAlign.LEFT).with(row -> row.get(c).isEmpty() ? "-" : row.get(c)));
        }
        List<String> lines = AsciiTable.builder().border(AsciiTable.NO_BORDERS).data(rows, data).asString()
                .lines().filter(l -> !l.isBlank()).toList();
        int indent = lines.stream().mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(l.substring(indent).stripTrailing()).append('\n'));
        return out.toString();
    }

    @Property(tries = 200)
    void asciiTextRendersAsAsciiTableDid(
            @ForAll @Size(min = 0, max = 4) List<@Size(3) List<@StringLength(max = 12) @AlphaChars @NumericChars @Chars({'-', '.', '/', ' ', ':'}) String>> rows) {
        List<List<String>> clean = rows.stream().map(r -> r.stream().map(String::strip).toList()).toList();
        assertThat(table(3).render(clean)).isEqualTo(asciiTable(3, clean));
    }

    @Test
    void japaneseColumnsAlignInTerminalCells() {
        Table<String[]> t = new Table<String[]>().column("名前", r -> r[0]).column("アドレス", r -> r[1]).column("状態", r -> r[2]);
        String text = t.render(List.of(new String[] {"既定", "192.168.1.240-250", "準備完了"},
                new String[] {"lab-pool", "10.0.0.0/24", "ok"}));
        assertThat(text).isEqualTo("""
                名前      アドレス           状態
                既定      192.168.1.240-250  準備完了
                lab-pool  10.0.0.0/24        ok
                """);
        // Each column starts at the same terminal cell on every line.
        List<String> lines = text.lines().toList();
        for (String line : lines) {
            assertThat(CellWidth.of(line.substring(0, line.indexOf(line.contains("192") ? "192" : line.contains("10.") ? "10." : "アドレス"))))
                    .isEqualTo(10);
        }
    }

    @Test
    void cellWidthCountsWideCharactersTwiceAndMarksNotAtAll() {
        assertThat(CellWidth.of("abc")).isEqualTo(3);
        assertThat(CellWidth.of("ノード")).isEqualTo(6);
        assertThat(CellWidth.of("ＡＢ")).as("fullwidth forms").isEqualTo(4);
        assertThat(CellWidth.of("ｱｲ")).as("halfwidth katakana").isEqualTo(2);
        assertThat(CellWidth.of("e\u0301")).as("combining accent").isEqualTo(1);
        assertThat(CellWidth.of("、。")).as("ideographic punctuation").isEqualTo(4);
    }
}
