/** Alarms: rules and thresholds, raised and cleared after each poll from the monitoring read models, acknowledged by operators. */
package app.vsxi.dashboard.monitoring.alarms;
