package org.ringlab.data;

/** The on-disk formats {@link DataSets} recognises. */
@SuppressWarnings("ImmutableEnumChecker") // Normalization is final, its arrays private and never handed out
public enum DataFormat {
    /** IDX files of the MNIST family (MNIST, Fashion-MNIST, KMNIST, EMNIST, ...), gzip or raw. */
    IDX("IDX (MNIST family)", Normalization.MNIST),
    /** CIFAR-10 binary batches: {@code data_batch_*.bin} and {@code test_batch.bin}. */
    CIFAR10("CIFAR-10 binary", Normalization.CIFAR10);

    private final String displayName;
    private final Normalization normalization;

    DataFormat(String displayName, Normalization normalization) {
        this.displayName = displayName;
        this.normalization = normalization;
    }

    /** @return a short human-readable name, e.g. "CIFAR-10 binary" */
    public String displayName() {
        return displayName;
    }

    /** @return the input normalisation the reference implementation uses for this format */
    public Normalization normalization() {
        return normalization;
    }
}
