package app.vsxi.dashboard.calls;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.WriteOutcome;

/**
 * Whether a kill or a registration delete took effect: a VSXi answers 200 whatever matched (reference §10.4), so
 * the box is read again until every target is gone or the re-reads are used up, a box may need a moment to tear a
 * call down after its 200. The last re-read also shows what else went since the list read just before.
 */
final class Rereads {

	/** Re-reads after a kill or registration delete, and the pause between them. */
	private static final int REREADS = 3;

	private static final Duration REREAD_PAUSE = Duration.ofMillis(400);

	private Rereads() {
	}

	/**
	 * @param sent the body as it went to the box
	 * @param targets what the send was meant to end (call keys or registration ids)
	 * @param listedBefore what the box listed just before the send, in the same terms
	 * @param reread what the box lists now, in the same terms
	 */
	static Mono<GatewayResult<VerifiedRemoval>> verified(Mono<GatewayResult<WriteOutcome>> send, String sent,
			Set<String> targets, Set<String> listedBefore, Supplier<Mono<GatewayResult<Set<String>>>> reread) {
		return send.flatMap(result -> result.<Mono<GatewayResult<VerifiedRemoval>>>fold(
				outcome -> present(targets, reread, REREADS).map(after -> GatewayResult
					.ok(removal(sent, outcome.vsxiMessage(), targets, listedBefore, after))),
				error -> Mono.just(GatewayResult.failed(error))));
	}

	private static VerifiedRemoval removal(String sent, String message, Set<String> targets, Set<String> listedBefore,
			GatewayResult<Set<String>> after) {
		return after.fold(
				left -> new VerifiedRemoval(sent, message, targets.size(),
						(int) targets.stream().filter(target -> !left.contains(target)).count(), null,
						listedBefore.stream().filter(other -> !targets.contains(other) && !left.contains(other))
							.sorted()
							.toList()),
				error -> new VerifiedRemoval(sent, message, targets.size(), 0, error.message(), List.of()));
	}

	private static Mono<GatewayResult<Set<String>>> present(Set<String> targets,
			Supplier<Mono<GatewayResult<Set<String>>>> reread, int attempts) {
		return reread.get().flatMap(result -> {
			boolean stillThere = result.fold(left -> targets.stream().anyMatch(left::contains), error -> false);
			if (stillThere && attempts > 1) {
				return Mono.delay(REREAD_PAUSE).then(present(targets, reread, attempts - 1));
			}
			return Mono.just(result);
		});
	}

}
