/**
 * What every reader of a user's file checks before opening it: that the path names a regular file,
 * not a folder, a named pipe or a device, which would block a reader or feed it without end.
 * Depends on nothing else in RingLab, so every package may use it.
 */
package org.ringlab.io;
