/**
 * Why a command was refused. Handlers throw these before calling {@code apply}, so a refused
 * command appends nothing; the web layer maps each kind to its problem type and status.
 */
package vn.province.govtrack.command.rejection;
