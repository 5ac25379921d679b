/*
 * terminal: whether the terminal can hold the interface, asked of
 * terminfo before curses starts, so that an unknown or dumb terminal gets
 * a clear line instead of curses's own message (or a leak of its start).
 */
#ifndef NAAST_TERMINAL_H
#define NAAST_TERMINAL_H

#include <stdbool.h>
#include <stddef.h>

/* True when curses can run on TERM; else false with why and what to do in msg. */
bool terminal_usable(char *msg, size_t size);

#endif
