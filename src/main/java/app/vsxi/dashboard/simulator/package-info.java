/**
 * The embedded VSXi simulator: HTTPS servers that speak the VSXi REST API for the demo fleet and the tests.
 * Where the API reference marks a detail unknown, the choice made here lives in {@link app.vsxi.dashboard.simulator.VsxiConventions}.
 */
package app.vsxi.dashboard.simulator;
