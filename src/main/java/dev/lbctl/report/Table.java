package dev.lbctl.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A borderless table with upper-case headers, as kubectl prints them: columns two spaces apart, each as wide as its
 * widest cell in terminal cells (so Japanese headers and values align), a cell's lines stacked when it has several.
 */
public final class Table<T> {

    private static final String GAP = "  ";

    private final List<String> headers = new ArrayList<>();
    private final List<Function<T, String>> cells = new ArrayList<>();

    public Table<T> column(String header, Function<T, String> cell) {
        headers.add(header.toUpperCase(java.util.Locale.ROOT));
        cells.add(cell);
        return this;
    }

    public String render(List<T> rows) {
        List<List<String>> grid = new ArrayList<>();
        grid.add(headers);
        for (T row : rows) {
            List<String> line = new ArrayList<>();
            for (Function<T, String> cell : cells) {
                String v = cell.apply(row);
                line.add(v == null || v.isEmpty() ? "-" : v);
            }
            grid.add(line);
        }
        int[] widths = new int[headers.size()];
        for (List<String> row : grid) {
            for (int i = 0; i < widths.length; i++) {
                for (String part : row.get(i).split("\n", -1)) {
                    widths[i] = Math.max(widths[i], CellWidth.of(part));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : grid) {
            List<String[]> parts = row.stream().map(c -> c.split("\n", -1)).toList();
            int height = parts.stream().mapToInt(p -> p.length).max().orElse(1);
            for (int l = 0; l < height; l++) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < widths.length; i++) {
                    String[] p = parts.get(i);
                    line.append(i == 0 ? "" : GAP).append(CellWidth.pad(l < p.length ? p[l] : "", widths[i]));
                }
                String text = line.toString().stripTrailing();
                if (!text.isBlank()) {
                    out.append(text).append('\n');
                }
            }
        }
        return out.toString();
    }
}
