package app.vsxi.dashboard.support;

import io.micrometer.core.instrument.MeterRegistry;

import app.vsxi.dashboard.calls.Removals;
import app.vsxi.dashboard.gateway.CallCommands;
import app.vsxi.dashboard.gateway.GatewayProperties;
import app.vsxi.dashboard.gateway.SbcExchange;
import app.vsxi.dashboard.gateway.StatsReads;
import app.vsxi.dashboard.gateway.TableCommands;

/**
 * The gateway's commands over one exchange, wired as the application wires them, for tests that run without
 * Spring: every part shares the SBC's one queue, guards and connections.
 */
public record GatewayParts(SbcExchange exchange, TableCommands tables, StatsReads stats, CallCommands calls,
		Removals removals) {

	public static GatewayParts of(GatewayProperties properties, MeterRegistry meters) {
		SbcExchange exchange = new SbcExchange(properties, meters, java.time.Clock.systemUTC());
		StatsReads stats = new StatsReads(exchange);
		CallCommands calls = new CallCommands(exchange);
		return new GatewayParts(exchange, new TableCommands(exchange), stats, calls, new Removals(calls, stats));
	}

	public void destroy() {
		this.tables.destroy();
		this.exchange.destroy();
	}

}
