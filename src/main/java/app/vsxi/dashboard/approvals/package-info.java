/**
 * Four-eyes approval: which writes need a second person (settings), requests bound to a hash of exactly what will
 * be sent, approve, reject, withdraw on edit, expiry, and a loud break-glass path for administrators.
 */
package app.vsxi.dashboard.approvals;
