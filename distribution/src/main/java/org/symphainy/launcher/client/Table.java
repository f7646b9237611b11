package org.symphainy.launcher.client;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Rows printed in columns padded to their widest cell, for people reading a terminal. */
final class Table {

    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(header);
    }

    /** Adds a row; cells beyond the header's count are dropped. */
    void row(String... cells) {
        rows.add(cells);
    }

    /** Prints the header and the rows. */
    void print(PrintStream out) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns && c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = c < row.length ? row[c] : "";
                line.append(cell);
                if (c < columns - 1) {
                    line.append(" ".repeat(widths[c] - cell.length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
