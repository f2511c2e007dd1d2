/**
 * What every page shares: the layout, error pages and the attributes the layout needs.
 */
package app.vsxi.dashboard.web;
