package org.ringlab.ui;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** Asks for a worker's address and token ("Connect to service…"). */
public final class ConnectDialog extends Dialog<ConnectDialog.Request> {
    public record Request(String address, String token) {
    }

    public ConnectDialog() {
        setTitle("Connect to a training service");
        setHeaderText("A worker started elsewhere with: ringlab serve --port N [--token-file F]\n"
                + "(through an SSH tunnel, use 127.0.0.1 and the tunnel's local port)");
        TextField address = new TextField("127.0.0.1:50051");
        address.setId("connectAddress");
        PasswordField token = new PasswordField();
        token.setId("connectToken");
        token.setPromptText("the contents of the worker's token file");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("Address"), address);
        grid.addRow(1, new Label("Token"), token);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> b == ButtonType.OK ? new Request(address.getText(), token.getText()) : null);
    }
}
