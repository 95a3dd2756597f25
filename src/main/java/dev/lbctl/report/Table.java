package dev.lbctl.report;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A borderless table with upper-case headers, as kubectl prints them. */
public final class Table<T> {

    private final List<String> headers = new ArrayList<>();
    private final List<Function<T, String>> cells = new ArrayList<>();

    public Table<T> column(String header, Function<T, String> cell) {
        headers.add(header.toUpperCase(java.util.Locale.ROOT));
        cells.add(cell);
        return this;
    }

    public String render(List<T> rows) {
        List<com.github.freva.asciitable.ColumnData<T>> columns = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            Function<T, String> cell = cells.get(i);
            columns.add(new Column().header(headers.get(i)).headerAlign(HorizontalAlign.LEFT)
                    .dataAlign(HorizontalAlign.LEFT).with(row -> {
                        String v = cell.apply(row);
                        return v == null || v.isEmpty() ? "-" : v;
                    }));
        }
        String text = AsciiTable.builder().border(AsciiTable.NO_BORDERS).data(rows, columns).asString();
        // AsciiTable pads every cell, so each line starts with the same run of spaces: drop it, and trailing spaces.
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        int indent = lines.stream().mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.substring(indent).stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
