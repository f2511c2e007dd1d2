/**
 * The dashboard as several identical instances on one database: which instances are alive, which one polls which
 * SBC (leases with fencing numbers, timed by the database's clock), and the jobs that run once for all of them.
 * A single instance, the H2 demo's, is the case of one member that owns every SBC.
 */
package app.vsxi.dashboard.cluster;
