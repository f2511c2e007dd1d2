package app.vsxi.dashboard.gateway;

import java.util.function.Function;

/** The outcome of one call to an SBC: a value, or a typed error. Never an exception. */
public sealed interface GatewayResult<T> {

	static <T> GatewayResult<T> ok(T value) {
		return new Ok<>(value);
	}

	static <T> GatewayResult<T> failed(GatewayError error) {
		return new Failed<>(error);
	}

	default <R> GatewayResult<R> map(Function<? super T, ? extends R> mapper) {
		if (this instanceof Ok<T> ok) {
			return new Ok<>(mapper.apply(ok.value()));
		}
		return new Failed<>(((Failed<T>) this).error());
	}

	record Ok<T>(T value) implements GatewayResult<T> {
	}

	record Failed<T>(GatewayError error) implements GatewayResult<T> {
	}

}
