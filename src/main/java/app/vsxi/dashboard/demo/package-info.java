/**
 * Demo mode: starts simulated VSXi boxes in this JVM and puts them in the fleet, so the dashboard can be tried
 * with nothing else running.
 */
package app.vsxi.dashboard.demo;
