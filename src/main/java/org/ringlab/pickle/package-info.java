/**
 * Reading Python pickles without running them: {@link org.ringlab.pickle.PickleReader} interprets
 * the opcodes that plain data needs and hands every global, call and BUILD to the {@link
 * org.ringlab.pickle.PickleRules} of the format being read (a torch state dict, a NumPy batch),
 * which allow only the few callables that format needs. Depends on nothing else in RingLab but
 * {@code org.ringlab.io}, so the checkpoint importer and the data readers can both use it.
 */
package org.ringlab.pickle;
