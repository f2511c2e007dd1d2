/**
 * Who may use the dashboard: users with hashed passwords, login, and the security rules every request passes.
 */
package app.vsxi.dashboard.access;
