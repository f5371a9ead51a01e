package org.ringlab.remote;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Lets a call through only with {@code authorization: Bearer <token>} naming the worker's token;
 * any other call ends UNAUTHENTICATED before it reaches the service, which keeps serving.
 */
final class TokenAuthInterceptor implements ServerInterceptor {
    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    static final String BEARER = "Bearer ";

    private final byte[] expectedDigest;

    TokenAuthInterceptor(String token) {
        this.expectedDigest = Tokens.digest(token);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        String header = headers.get(AUTHORIZATION);
        String problem;
        if (header == null) {
            problem = "no token: this worker requires the header 'authorization: Bearer <token>' "
                    + "(the token in the file given to ringlab serve --token-file)";
        } else if (!header.startsWith(BEARER)) {
            problem = "malformed authorization header: expected 'Bearer <token>'";
        } else if (!Tokens.matches(header.substring(BEARER.length()).strip(), expectedDigest)) {
            problem = "wrong token: it does not match the worker's --token-file";
        } else {
            return next.startCall(call, headers);
        }
        call.close(Status.UNAUTHENTICATED.withDescription(problem), new Metadata());
        return new ServerCall.Listener<>() {
        };
    }
}
