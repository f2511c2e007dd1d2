package app.vsxi.dashboard.support;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.vsxi.dashboard.cluster.Ownership;
import app.vsxi.dashboard.cluster.SbcLeases;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Leases for a test of one dashboard instance alone: it owns every SBC it is asked about, under fence 1. */
public final class SoleInstance {

	private SoleInstance() {
	}

	public static SbcLeases leases() {
		SbcLeases leases = mock(SbcLeases.class);
		AtomicLong rounds = new AtomicLong();
		AtomicReference<Ownership> current = new AtomicReference<>(Ownership.none());
		when(leases.instanceId()).thenReturn("sole");
		when(leases.current()).thenAnswer(call -> current.get());
		when(leases.refresh(any(), any())).thenAnswer(call -> {
			Collection<Long> ids = call.getArgument(0);
			Map<Long, Long> fences = ids.stream().collect(Collectors.toMap(Function.identity(), id -> 1L, (a, b) -> a));
			current.set(new Ownership(rounds.incrementAndGet(), fences, Map.of(), 0, 1));
			return current.get();
		});
		return leases;
	}

}
