/**
 * Live state of the fleet: one poller asks each SBC once per interval, whoever is watching, and the pages read
 * what it last learned.
 */
package app.vsxi.dashboard.monitoring;
