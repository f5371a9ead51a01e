package org.ringlab.ui.compare;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import org.ringlab.tables.ComparisonTable;
import org.ringlab.tables.RecordedRun;
import org.ringlab.tables.RunTable;
import org.ringlab.tables.Table;
import org.ringlab.tables.TableFormat;

/**
 * The comparison table of a set of runs as a sortable JavaFX table: one row per configuration,
 * seeds merged into mean ± std, numbers at fixed decimals, notes (unfinished runs, soft-only
 * accuracies) in their own column. Click a header to sort (empty cells always last); the copy
 * methods give the rows in the order shown, at full precision.
 */
public final class ComparisonPane extends BorderPane {
    private final TableView<List<Object>> view = new TableView<>();
    private final Label status = new Label("no runs yet");
    private List<String> columns = ComparisonTable.COLUMNS;
    private List<List<Object>> unsorted = List.of();
    /** The run directories behind each row shown, by row identity (sorting reorders the same lists). */
    private final IdentityHashMap<List<Object>, List<Path>> rowDirectories = new IdentityHashMap<>();

    public ComparisonPane() {
        view.setId("comparisonTable");
        status.setId("comparisonStatus");
        view.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        view.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        view.setPlaceholder(new Label("Runs appear here once they have started."));
        view.setSortPolicy(table -> {
            sortRows();
            return true;
        });
        setCenter(view);
        setBottom(status);
        buildColumns();
    }

    /** Reads the run directories off the JavaFX thread and shows their table; unreadable ones are skipped and counted. */
    public CompletableFuture<Void> load(List<Path> directories) {
        return load(directories, skipped -> List.of());
    }

    /** Where runs that are not run folders come from (the workspace's store); called off the JavaFX thread. */
    @FunctionalInterface
    public interface RunSource {
        /** The runs, oldest first; what cannot be read is named in {@code skipped}. */
        List<RecordedRun> read(List<String> skipped) throws IOException;
    }

    /**
     * The same, with the runs of {@code stored} first; a folder that is one of theirs is not read
     * twice. Everything is read off the JavaFX thread.
     */
    public CompletableFuture<Void> load(List<Path> directories, RunSource stored) {
        List<Path> dirs = List.copyOf(directories);
        return CompletableFuture.supplyAsync(() -> read(dirs, stored)).thenAccept(result -> Platform.runLater(() -> {
            List<List<RecordedRun>> groups = ComparisonTable.groups(result.runs());
            Table table = ComparisonRows.of(groups);
            show(table);
            for (int i = 0; i < groups.size(); i++) {
                rowDirectories.put(table.rows().get(i), groups.get(i).stream().map(RecordedRun::directory).toList());
            }
            int apart = columns.indexOf(ComparisonRows.NOT_COMPARABLE);
            long flagged = table.rows().stream().filter(r -> r.get(apart) != null).count();
            status.setText(result.runs().size() + " run(s) in " + table.rows().size() + " row(s)"
                    + (flagged == 0 ? "" : "; " + flagged + " row(s) not comparable with the others (see the column)")
                    + (result.skipped().isEmpty() ? ""
                    : "; skipped " + result.skipped().size() + ": " + String.join("; ", result.skipped())));
        }));
    }

    private record ReadResult(List<RecordedRun> runs, List<String> skipped) {
    }

    private static ReadResult read(List<Path> dirs, RunSource stored) {
        List<RecordedRun> runs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try {
            runs.addAll(stored.read(skipped));
        } catch (IOException | RuntimeException e) {
            skipped.add("the workspace's runs: " + e.getMessage());
        }
        java.util.Set<Path> seen = new java.util.HashSet<>();
        for (RecordedRun run : runs) {
            if (run.directory() != null) {
                seen.add(run.directory().toAbsolutePath().normalize());
            }
        }
        for (Path dir : dirs) {
            if (seen.contains(dir.toAbsolutePath().normalize())) {
                continue;
            }
            try {
                for (RecordedRun run : RunTable.read(List.of(dir)).runs()) {
                    runs.add(labelled(run));
                }
            } catch (IOException | RuntimeException e) {
                skipped.add(e.getMessage());
            }
        }
        return new ReadResult(runs, skipped);
    }

    /**
     * The run under the name the user gave it (the runs list shows the same): the workbench's
     * service names directories by submission id, which says nothing in a comparison.
     */
    private static RecordedRun labelled(RecordedRun run) {
        String name = run.config().name();
        if (name == null || name.isBlank() || name.equals(run.name())) {
            return run;
        }
        return new RecordedRun(name, run.directory(), run.config(), run.status(), run.metrics(), run.epochs(),
                run.bits());
    }

    /** Shows a table (JavaFX thread), keeping the user's sort column if it still exists. */
    public void show(Table table) {
        List<String> sortColumns = view.getSortOrder().stream().map(TableColumn::getId).toList();
        List<TableColumn.SortType> sortTypes = view.getSortOrder().stream().map(TableColumn::getSortType).toList();
        if (!table.columns().equals(columns)) {
            columns = table.columns();
            buildColumns();
        }
        unsorted = table.rows();
        rowDirectories.clear();
        view.setItems(FXCollections.observableArrayList(unsorted));
        view.getSortOrder().clear();
        for (int i = 0; i < sortColumns.size(); i++) {
            for (TableColumn<List<Object>, ?> c : view.getColumns()) {
                if (c.getId().equals(sortColumns.get(i))) {
                    c.setSortType(sortTypes.get(i));
                    view.getSortOrder().add(c);
                }
            }
        }
        sortRows();
        fitColumns();
        status.setText(table.rows().size() + " row(s)");
    }

    /** Each column as wide as its longest text (within bounds), so figures are not cut to "93.70 ± 0…". */
    private void fitColumns() {
        for (int c = 0; c < columns.size(); c++) {
            // header text is bold, so it needs more room per character than the cells
            double width = CellFormat.header(columns.get(c)).length() * 7.6 + 18;
            for (List<Object> row : unsorted) {
                width = Math.max(width, CellFormat.text(columns.get(c), row.get(c)).length() * 6.3 + 18);
            }
            view.getColumns().get(c).setPrefWidth(Math.min(260, Math.max(44, width)));
        }
    }

    /** The run directories behind the selected rows (all seeds of a merged row), in the order shown. */
    public List<Path> selectedDirectories() {
        List<Path> dirs = new ArrayList<>();
        for (List<Object> row : view.getSelectionModel().getSelectedItems()) {
            dirs.addAll(rowDirectories.getOrDefault(row, List.of()));
        }
        return dirs;
    }

    /** The table in the order shown, as a tables.Table for writing. */
    public Table shown() {
        return new Table(columns, new ArrayList<>(view.getItems()));
    }

    /** The rows shown, in order, as text in a table format (full precision). */
    public String text(TableFormat format) {
        StringWriter out = new StringWriter();
        try {
            format.write(shown(), out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Puts the shown rows on the clipboard in a table format (JavaFX thread). */
    public void copy(TableFormat format) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text(format));
        Clipboard.getSystemClipboard().setContent(content);
        status.setText("copied " + view.getItems().size() + " row(s) as " + format.id());
    }

    public TableView<List<Object>> tableView() {
        return view;
    }

    private void buildColumns() {
        view.getColumns().clear();
        for (int i = 0; i < columns.size(); i++) {
            int index = i;
            String name = columns.get(i);
            TableColumn<List<Object>, Object> column = new TableColumn<>(CellFormat.header(name));
            column.setId(name);
            column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().get(index)));
            column.setCellFactory(c -> new TableCell<>() {
                @Override
                protected void updateItem(Object item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : CellFormat.text(name, item));
                    // long method labels and merged run names are cut to the column; the tooltip has them whole
                    setTooltip(empty || !(item instanceof String text) || text.isEmpty() ? null
                            : new javafx.scene.control.Tooltip(text));
                    boolean note = !empty && (name.equals("note") || name.equals(ComparisonRows.NOT_COMPARABLE))
                            && item != null;
                    setStyle(note ? "-fx-text-fill: -rl-error;" : Table.numeric(item) != null ? "-fx-alignment: CENTER-RIGHT;" : "");
                }
            });
            view.getColumns().add(column);
        }
    }

    /**
     * Sorts by the sort order's columns; with none, the rows go back to the table's own order.
     * Empty cells stay last in either direction, as in {@link Table#sortedBy}.
     */
    private void sortRows() {
        List<List<Object>> rows = new ArrayList<>(unsorted);
        List<TableColumn<List<Object>, ?>> order = new ArrayList<>(view.getSortOrder());
        if (!order.isEmpty()) {
            rows.sort((a, b) -> {
                for (TableColumn<List<Object>, ?> c : order) {
                    int index = columns.indexOf(c.getId());
                    int r = compare(a.get(index), b.get(index), c.getSortType() == TableColumn.SortType.DESCENDING);
                    if (r != 0) {
                        return r;
                    }
                }
                return 0;
            });
        }
        view.getItems().setAll(rows);
    }

    private static int compare(Object x, Object y, boolean descending) {
        boolean ex = x == null || (x instanceof Double d && d.isNaN());
        boolean ey = y == null || (y instanceof Double d && d.isNaN());
        if (ex || ey) {
            return Boolean.compare(ex, ey);
        }
        int r = Table.CELL_ORDER.compare(x, y);
        return descending ? -r : r;
    }
}
