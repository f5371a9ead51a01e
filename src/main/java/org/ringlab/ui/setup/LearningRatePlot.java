package org.ringlab.ui.setup;

import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.ringlab.config.RunConfig;

/** A small plot of the learning rate over a whole run, so a schedule can be checked at a glance. */
final class LearningRatePlot extends Pane {
    private static final int POINTS = 200;
    /** Any step count shows the shape; warm-up is per step, so use enough of them. */
    private static final int STEPS_PER_EPOCH = 100;

    private RunConfig config;

    LearningRatePlot() {
        widthProperty().addListener((obs, was, now) -> draw());
        heightProperty().addListener((obs, was, now) -> draw());
    }

    void show(RunConfig config) {
        this.config = config;
        draw();
    }

    /** The configuration drawn, or null while the setup has problems. */
    RunConfig shown() {
        return config;
    }

    /** The learning rate at {@link #POINTS} evenly spaced moments of the run. */
    static double[] curve(RunConfig c) {
        double[] lr = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            double progress = (double) i / POINTS * c.epochs();
            int epoch = (int) progress;
            int step = (int) ((progress - epoch) * STEPS_PER_EPOCH);
            lr[i] = c.schedule().lrAtStep(c.lr(), epoch, step, STEPS_PER_EPOCH, c.epochs(), c.warmupEpochs());
        }
        return lr;
    }

    private void draw() {
        getChildren().clear();
        double w = Math.max(120, getWidth());
        double h = Math.max(50, getPrefHeight());
        Canvas canvas = new Canvas(w, h);
        getChildren().add(canvas);
        if (config == null) {
            canvas.getGraphicsContext2D().setFill(Color.GRAY);
            canvas.getGraphicsContext2D().fillText("fix the problems below to see the schedule", 4, h / 2);
            return;
        }
        double[] lr = curve(config);
        double max = 0;
        for (double v : lr) {
            max = Math.max(max, v);
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setStroke(Color.web("#0072b2"));
        g.setLineWidth(1.5);
        g.beginPath();
        for (int i = 0; i < lr.length; i++) {
            double x = 2 + (w - 4) * i / (lr.length - 1);
            double y = h - 16 - (h - 22) * (max == 0 ? 0 : lr[i] / max);
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        g.setFill(Color.GRAY);
        g.fillText(String.format(Locale.ROOT, "peak %.2g over %d epochs", max, config.epochs()), 4, h - 3);
    }
}
