package org.ringlab.ui;

import org.ringlab.service.TrainingService;

/**
 * Opens a training service at an address the user typed ("Connect to service…"). Supplied by
 * {@link RingLabApp}, the one class that knows the implementations.
 */
@FunctionalInterface
public interface ServiceConnector {
    /**
     * @param token the token the worker was started with; empty for a loopback worker without one
     * @throws RuntimeException with a message a user can act on when it cannot connect
     */
    TrainingService connect(String host, int port, String token);
}
