package app.vsxi.dashboard.gateway;

import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of one call to an SBC: a value, or a typed error. Never an exception. Callers take it apart with
 * {@link #fold} or the two optionals rather than by casting.
 */
public sealed interface GatewayResult<T> {

	static <T> GatewayResult<T> ok(T value) {
		return new Ok<>(value);
	}

	static <T> GatewayResult<T> failed(GatewayError error) {
		return new Failed<>(error);
	}

	/** One of the two functions applied, whichever fits. */
	default <R> R fold(Function<? super T, ? extends R> ok, Function<? super GatewayError, ? extends R> failed) {
		if (this instanceof Ok<T> success) {
			return ok.apply(success.value());
		}
		return failed.apply(((Failed<T>) this).error());
	}

	default <R> GatewayResult<R> map(Function<? super T, ? extends R> mapper) {
		return fold(value -> new Ok<>(mapper.apply(value)), Failed::new);
	}

	/** The value, if the call succeeded. */
	default Optional<T> okValue() {
		return fold(Optional::ofNullable, error -> Optional.empty());
	}

	/** The error, if the call failed. */
	default Optional<GatewayError> failure() {
		return fold(value -> Optional.empty(), Optional::of);
	}

	default boolean isOk() {
		return this instanceof Ok<T>;
	}

	record Ok<T>(T value) implements GatewayResult<T> {
	}

	record Failed<T>(GatewayError error) implements GatewayResult<T> {
	}

}
