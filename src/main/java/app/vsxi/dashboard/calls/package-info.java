/**
 * Active calls and registrations of each SBC and of the fleet: finding them, killing calls and removing
 * registrations, each checked afterwards by a re-read of the box and written to the audit trail.
 */
package app.vsxi.dashboard.calls;
