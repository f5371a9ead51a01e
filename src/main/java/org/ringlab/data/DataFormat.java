package org.ringlab.data;

/** The on-disk formats {@link DataSets} recognises. */
@SuppressWarnings("ImmutableEnumChecker") // Normalization is final, its arrays private and never handed out
public enum DataFormat {
    /** IDX files of the MNIST family (MNIST, Fashion-MNIST, KMNIST, EMNIST, ...), gzip or raw. */
    IDX("IDX (MNIST family)", Normalization.MNIST),
    /** CIFAR-10 binary batches: {@code data_batch_*.bin} and {@code test_batch.bin}. */
    CIFAR10("CIFAR-10 binary", Normalization.CIFAR10),
    /** CIFAR-10 as torchvision downloads it ({@code cifar-10-batches-py}): pickled NumPy batches. */
    CIFAR10_PICKLE("CIFAR-10 Python", Normalization.CIFAR10),
    /** CIFAR-100 as torchvision downloads it ({@code cifar-100-python}): {@code train} and {@code test}, fine labels. */
    CIFAR100_PICKLE("CIFAR-100 Python", Normalization.CIFAR100),
    /** CIFAR-100 binary ({@code cifar-100-binary}): {@code train.bin} and {@code test.bin}, fine labels. */
    CIFAR100_BINARY("CIFAR-100 binary", Normalization.CIFAR100),
    /**
     * A folder of images per class (torchvision's ImageFolder layout), resized to a chosen size; its
     * normalisation is computed from its training split, so {@link #normalization()} is null.
     */
    IMAGE_FOLDER("image folder", null);

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

    /**
     * @return the input normalisation the reference implementation uses for this format; null for
     *     {@link #IMAGE_FOLDER}, whose {@link LoadedData#normalization()} comes from its training split
     */
    public Normalization normalization() {
        return normalization;
    }

    /**
     * @return true for the CIFAR formats, whose reference training uses random crops and flips;
     *     false for digits (IDX), which a flip changes, and for image folders, which may hold anything
     */
    public boolean cropsAndFlipsByDefault() {
        return this == CIFAR10 || this == CIFAR10_PICKLE || this == CIFAR100_PICKLE || this == CIFAR100_BINARY;
    }
}
