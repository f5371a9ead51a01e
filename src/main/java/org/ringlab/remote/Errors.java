package org.ringlab.remote;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import java.util.NoSuchElementException;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.remote.v1.ConfigProblems;
import org.ringlab.store.NoCheckpointException;
import org.ringlab.train.Failures;

/**
 * Maps the service's exceptions to gRPC statuses on the worker and back on the client, so that a
 * caller of the remote service catches the same exceptions as a caller of the in-process one.
 */
final class Errors {
    /** Every violation of an invalid configuration, for clients that list them one by one. */
    static final Metadata.Key<ConfigProblems> CONFIG_PROBLEMS = Metadata.Key.of(
            "ringlab-config-problems" + Metadata.BINARY_HEADER_SUFFIX,
            ProtoUtils.metadataMarshaller(ConfigProblems.getDefaultInstance()));

    /** Which refusal a FAILED_PRECONDITION is, where the client acts on it ("no-checkpoint"). */
    static final Metadata.Key<String> REFUSAL = Metadata.Key.of("ringlab-refusal", Metadata.ASCII_STRING_MARSHALLER);
    private static final String NO_CHECKPOINT = "no-checkpoint";

    private Errors() {
    }

    static StatusRuntimeException toStatus(RuntimeException e) {
        if (e instanceof StatusRuntimeException sre) {
            return sre;
        }
        if (e instanceof InvalidConfigException ice) {
            Metadata trailers = new Metadata();
            trailers.put(CONFIG_PROBLEMS, ConfigProblems.newBuilder().addAllProblems(ice.problems()).build());
            return Status.INVALID_ARGUMENT.withDescription(ice.getMessage()).asRuntimeException(trailers);
        }
        if (e instanceof NoCheckpointException) {
            Metadata trailers = new Metadata();
            trailers.put(REFUSAL, NO_CHECKPOINT);
            return Status.FAILED_PRECONDITION.withDescription(e.getMessage()).asRuntimeException(trailers);
        }
        Status status;
        if (e instanceof NoSuchElementException) {
            status = Status.NOT_FOUND;
        } else if (e instanceof IllegalStateException) {
            status = Status.FAILED_PRECONDITION;
        } else if (e instanceof IllegalArgumentException) {
            status = Status.INVALID_ARGUMENT;
        } else if (e instanceof UnsupportedOperationException) {
            status = Status.UNIMPLEMENTED;
        } else {
            Failures.debug(e);
            status = Status.INTERNAL;
        }
        return status.withDescription(Failures.describe(e)).asRuntimeException();
    }

    /** The exception the in-process service would have thrown, or a {@link WorkerException}. */
    static RuntimeException fromStatus(StatusRuntimeException e, String where) {
        Status status = e.getStatus();
        String description = status.getDescription() == null ? status.getCode().name() : status.getDescription();
        return switch (status.getCode()) {
            case INVALID_ARGUMENT -> {
                ConfigProblems problems = e.getTrailers() == null ? null : e.getTrailers().get(CONFIG_PROBLEMS);
                if (problems != null) {
                    String heading = description.lines().findFirst().orElse(InvalidConfigException.HEADING);
                    yield new InvalidConfigException(heading, problems.getProblemsList());
                }
                yield new IllegalArgumentException(description, e);
            }
            case NOT_FOUND -> {
                NoSuchElementException nse = new NoSuchElementException(description);
                nse.initCause(e);
                yield nse;
            }
            case FAILED_PRECONDITION -> e.getTrailers() != null && NO_CHECKPOINT.equals(e.getTrailers().get(REFUSAL))
                    ? new NoCheckpointException(description) : new IllegalStateException(description, e);
            case UNIMPLEMENTED -> new UnsupportedOperationException(description, e);
            case UNAUTHENTICATED -> new WorkerException("the worker at " + where + " refused this client: "
                    + description, e);
            case UNAVAILABLE, DEADLINE_EXCEEDED -> new WorkerException("the worker at " + where
                    + " cannot be reached (" + description + ")", e);
            default -> new WorkerException("the worker at " + where + " failed: " + description, e);
        };
    }
}
