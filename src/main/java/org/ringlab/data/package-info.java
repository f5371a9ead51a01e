/**
 * Image data sets for training: readers for the IDX (MNIST family), CIFAR-10 and CIFAR-100 binary,
 * CIFAR-10 and CIFAR-100 Python (pickled NumPy batches, read through {@code org.ringlab.pickle})
 * and image-folder formats, format detection ({@link org.ringlab.data.DataSets}), per-format
 * normalisation (computed from the training split for image folders) and
 * deterministic batching with optional crop/flip augmentation ({@link
 * org.ringlab.data.BatchSampler}).
 *
 * <p>Plain Java only: the trainer turns {@link org.ringlab.data.Batch}es into tensors. Every
 * problem with the files on disk surfaces as a {@link org.ringlab.data.DataFormatException}
 * naming the file and what is wrong with it.
 */
package org.ringlab.data;
