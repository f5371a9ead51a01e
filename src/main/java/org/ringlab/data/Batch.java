package org.ringlab.data;

/**
 * One batch of normalised images, ready to become tensors. The arrays belong to this batch
 * alone: the sampler never touches them again, so a batch stays valid while later ones are made.
 *
 * @param size the number of images (the last batch of an epoch may be smaller)
 * @param images {@code size × channels × height × width} floats, N×C×H×W order
 * @param labels one class label per image
 * @param indices the position of each image in the data set, for tracing a sample back
 */
@SuppressWarnings("ArrayRecordComponent") // arrays held as they are, not copied; nothing compares it by value
public record Batch(int size, int channels, int height, int width, float[] images, int[] labels, int[] indices) {

    public Batch {
        if (size < 1 || channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("batch dimensions must be positive: " + size + "x" + channels + "x"
                    + height + "x" + width);
        }
        if (images.length != size * channels * height * width || labels.length != size || indices.length != size) {
            throw new IllegalArgumentException("array lengths " + images.length + "/" + labels.length + "/"
                    + indices.length + " do not match a batch of " + size + "x" + channels + "x" + height + "x" + width);
        }
    }
}
