/**
 * Sweeps on a Slurm cluster, sent and followed from this machine over the system's OpenSSH client:
 * one multiplexed connection, the remote {@code ringlab sweep --executor slurm}, its status as
 * JSON, and the run folders brought back with rsync. Headless: the window drives it from
 * background threads.
 */
package org.ringlab.cluster;
