package org.ringlab.remote;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Answers a request whose bytes are not the method's protobuf message with INVALID_ARGUMENT and
 * one (rate-limited) log line. Left to gRPC, the parse failure would end the call as UNKNOWN and
 * log a SEVERE stack trace for every such request.
 *
 * <p>How: each method's request marshaller is wrapped so that a parse failure returns the empty
 * message and notes the problem for this thread; gRPC hands the parsed message to the call's
 * listener on the same thread right after parsing it, where the note is read and the call closed.
 * Every parse clears the note first, so a note never outlives its message.
 */
final class MalformedRequests {
    private static final ThreadLocal<String> PROBLEM = new ThreadLocal<>();

    private MalformedRequests() {
    }

    /** @param log receives one line per malformed request (rate-limit it) */
    static ServerServiceDefinition guard(ServerServiceDefinition service, Consumer<String> log) {
        ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(service.getServiceDescriptor().getName());
        for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
            b.addMethod(guard(method, log));
        }
        return b.build();
    }

    private static <Q, R> ServerMethodDefinition<Q, R> guard(ServerMethodDefinition<Q, R> method,
            Consumer<String> log) {
        MethodDescriptor<Q, R> d = method.getMethodDescriptor();
        MethodDescriptor<Q, R> lenient = d.toBuilder(new Lenient<>(d.getRequestMarshaller()), d.getResponseMarshaller())
                .build();
        ServerCallHandler<Q, R> next = method.getServerCallHandler();
        return ServerMethodDefinition.create(lenient, new ServerCallHandler<>() {
            @Override
            public ServerCall.Listener<Q> startCall(ServerCall<Q, R> call, Metadata headers) {
                return new Guard<>(next.startCall(call, headers), call, log);
            }
        });
    }

    private static final class Guard<Q, R> extends SimpleForwardingServerCallListener<Q> {
        private final ServerCall<Q, R> call;
        private final Consumer<String> log;
        private boolean closed;

        Guard(ServerCall.Listener<Q> delegate, ServerCall<Q, R> call, Consumer<String> log) {
            super(delegate);
            this.call = call;
            this.log = log;
        }

        @Override
        public void onMessage(Q message) {
            String problem = PROBLEM.get();
            PROBLEM.remove();
            if (closed) {
                return;
            }
            if (problem == null) {
                super.onMessage(message);
                return;
            }
            closed = true;
            String name = call.getMethodDescriptor().getBareMethodName();
            log.accept("malformed " + name + " request from " + call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)
                    + " refused: " + problem);
            call.close(Status.INVALID_ARGUMENT.withDescription("the " + name + " request is not a valid "
                    + "protobuf message of this worker's API (" + problem + ")"), new Metadata());
        }

        @Override
        public void onHalfClose() {
            if (!closed) {
                super.onHalfClose();
            }
        }

        @Override
        public void onReady() {
            if (!closed) {
                super.onReady();
            }
        }
    }

    /** Parses as the method's marshaller does; on failure notes why and returns an empty message. */
    private static final class Lenient<Q> implements MethodDescriptor.Marshaller<Q> {
        private final MethodDescriptor.Marshaller<Q> inner;
        private final Q empty;

        Lenient(MethodDescriptor.Marshaller<Q> inner) {
            this.inner = inner;
            this.empty = inner.parse(InputStream.nullInputStream());
        }

        @Override
        public InputStream stream(Q value) {
            return inner.stream(value);
        }

        @Override
        public Q parse(InputStream stream) {
            PROBLEM.remove();
            try {
                return inner.parse(stream);
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                String why = cause.getMessage();
                PROBLEM.set(why == null || why.isBlank() ? cause.getClass().getSimpleName() : why);
                return empty;
            }
        }
    }
}
