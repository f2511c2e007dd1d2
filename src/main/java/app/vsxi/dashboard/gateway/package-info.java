/**
 * The one VSXi client: every call the dashboard makes to an SBC goes through here, with its credentials,
 * pinned TLS trust, timeouts and typed results.
 */
package app.vsxi.dashboard.gateway;
