package org.ringlab.remote;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/** Adds the worker's token to every call a client makes. */
final class BearerToken implements ClientInterceptor {
    private final String token;

    BearerToken(String token) {
        this.token = token;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                headers.put(TokenAuthInterceptor.AUTHORIZATION, TokenAuthInterceptor.BEARER + token);
                super.start(listener, headers);
            }
        };
    }
}
