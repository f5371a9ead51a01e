package org.ringlab.data;

import java.io.IOException;

/** A data folder whose format has been recognised and whose files for each split are known. */
sealed interface DataLayout permits IdxLayout, CifarLayout, CifarPickleLayout, ImageFolderLayout {

    DataFormat format();

    /** Reads and checks everything. */
    LoadedData load() throws IOException;

    /** Reads only what is cheap (headers, label files, file sizes). */
    DataSummary describe() throws IOException;
}
