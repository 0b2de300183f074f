package io.clipfeed.upload;

import java.util.List;

import io.clipfeed.upload.UploadSession.Kind;

/**
 * A request to create an upload: its length (null when deferred), its kind and, for a final upload, the
 * partial uploads it joins in order.
 */
public record NewUpload(Long length, Kind kind, List<String> partIds, UploadMetadata metadata) {

    public NewUpload {
        partIds = partIds == null ? List.of() : List.copyOf(partIds);
        metadata = metadata == null ? UploadMetadata.none() : metadata;
    }
}
