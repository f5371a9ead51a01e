package org.ringlab.ui.chartspane;

import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.StepMetrics;
import org.ringlab.ui.charts.ChartXAxis;
import org.ringlab.ui.charts.MetricsCharts;

/** The metrics charts and their toolbar (fxml/charts.fxml): shows a {@link ChartsModel} on {@link MetricsCharts}. */
// FXMLLoader calls the private @FXML handlers
@SuppressWarnings("UnusedMethod")
public final class ChartsPane {
    private final ChartsModel model;
    private final MetricsCharts charts;

    @FXML private StackPane chartsPane;
    @FXML private Slider smoothingSlider;
    @FXML private Label smoothingLabel;
    @FXML private CheckBox logLossBox;
    @FXML private StackPane gapPane;
    @FXML private StackPane scalarsPane;
    @FXML private Tab gapTab;
    @FXML private Tab scalarsTab;
    @FXML private ToggleGroup xAxisGroup;
    @FXML private ToggleButton stepAxisButton;
    @FXML private ToggleButton epochAxisButton;
    @FXML private Label exportStatus;

    public ChartsPane(ChartsModel model, MetricsCharts charts) {
        this.model = model;
        this.charts = charts;
    }

    @FXML
    private void initialize() {
        chartsPane.getChildren().add(charts);
        gapPane.getChildren().add(charts.gapView());
        scalarsPane.getChildren().add(charts.scalarsView());
        charts.scalarsView().setShowing(scalarsTab.isSelected());
        scalarsTab.selectedProperty().addListener((obs, was, now) -> charts.scalarsView().setShowing(now));
        gapTab.selectedProperty().addListener((obs, was, now) -> {
            if (now) {
                charts.redrawGapChart();
            }
        });
        // a toggle group lets a click on the selected button leave both off; one axis is always chosen
        xAxisGroup.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            }
        });
        (model.epochAxis.get() ? epochAxisButton : stepAxisButton).setSelected(true);
        epochAxisButton.selectedProperty().addListener((obs, was, now) -> {
            if (now || stepAxisButton.isSelected()) {
                model.epochAxis.set(now);
            }
        });
        model.epochAxis.addListener((obs, was, now) -> (now ? epochAxisButton : stepAxisButton).setSelected(true));
        charts.setXAxis(model.epochAxis.get() ? ChartXAxis.EPOCH : ChartXAxis.STEP);
        model.epochAxis.addListener((obs, was, now) -> charts.setXAxis(now ? ChartXAxis.EPOCH : ChartXAxis.STEP));
        Tooltip exported = new Tooltip();
        exported.textProperty().bind(exportStatus.textProperty());
        exportStatus.setTooltip(exported);
        exportStatus.managedProperty().bind(exportStatus.textProperty().isNotEmpty());
        exportStatus.visibleProperty().bind(exportStatus.managedProperty());
        charts.setOnExportMessage(exportStatus::setText);
        smoothingSlider.valueProperty().bindBidirectional(model.smoothing);
        smoothingLabel.textProperty().bind(model.smoothingText());
        logLossBox.selectedProperty().bindBidirectional(model.logLoss);
        charts.setSmoothing(model.smoothing.get());
        charts.setLogLoss(model.logLoss.get());
        model.smoothing.addListener((obs, was, now) -> charts.setSmoothing(now.doubleValue()));
        model.logLoss.addListener((obs, was, now) -> charts.setLogLoss(now));
    }

    @FXML
    private void onResetZoom() {
        charts.resetZoom();
    }

    /** The model's charts drawn on {@code charts}. */
    public static ChartsModel.Charts drawingOn(MetricsCharts charts) {
        return new ChartsModel.Charts() {
            @Override
            public void addRun(String runId, String label) {
                charts.addRun(runId, label);
            }

            @Override
            public void removeRun(String runId) {
                charts.removeRun(runId);
            }

            @Override
            public void appendSteps(String runId, List<StepMetrics> steps) {
                charts.appendSteps(runId, steps);
            }

            @Override
            public void appendEpochs(String runId, List<EpochMetrics> epochs) {
                charts.appendEpochs(runId, epochs);
            }
        };
    }
}
