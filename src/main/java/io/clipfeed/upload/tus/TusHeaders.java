package io.clipfeed.upload.tus;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.clipfeed.platform.ApiProblem;
import io.clipfeed.upload.UploadChecksum;
import io.clipfeed.upload.UploadSession.Kind;

/**
 * Strict parsing of the tus request headers. Everything a client sends is bounded and checked here, so garbage
 * becomes a 400 with a sentence naming the header, never an exception deeper down.
 */
final class TusHeaders {

    static final int MAX_METADATA_BYTES = 4096;
    static final int MAX_CONCAT_BYTES = 4096;
    private static final int MAX_METADATA_PAIRS = 32;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._~!$&'()*+;=:@-]{1,64}");
    private static final Pattern UPLOAD_URL = Pattern.compile("(?:[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s]+)?"
            + "(?:/[^\\s]*)?/uploads/([0-9a-zA-Z]{8,40})");

    private TusHeaders() {
    }

    /** A concatenation request: the upload's kind and, for a final upload, the partial upload ids in order. */
    record Concat(Kind kind, List<String> partIds) {
    }

    /** A non-negative byte count, or null when the header is absent. */
    static Long length(String name, String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (!DIGITS.matcher(v).matches()) {
            throw ApiProblem.badRequest(name + " must be a non-negative whole number of bytes.");
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException tooBig) {
            throw ApiProblem.badRequest(name + " is too large.");
        }
    }

    static long requiredOffset(String value) {
        Long offset = length("Upload-Offset", value);
        if (offset == null) {
            throw ApiProblem.badRequest("Upload-Offset is required: the offset at which this chunk starts.");
        }
        return offset;
    }

    static boolean deferLength(String value) {
        if (value == null) {
            return false;
        }
        if (!"1".equals(value.trim())) {
            throw ApiProblem.badRequest("Upload-Defer-Length must be 1.");
        }
        return true;
    }

    static Concat concat(String value) {
        if (value == null) {
            return new Concat(Kind.SINGLE, List.of());
        }
        if (value.length() > MAX_CONCAT_BYTES) {
            throw ApiProblem.badRequest("Upload-Concat is longer than " + MAX_CONCAT_BYTES + " characters.");
        }
        String v = value.trim();
        if (v.equals("partial")) {
            return new Concat(Kind.PARTIAL, List.of());
        }
        if (!v.startsWith("final;")) {
            throw ApiProblem.badRequest("Upload-Concat must be 'partial' or 'final;<upload URLs>'.");
        }
        List<String> ids = new ArrayList<>();
        for (String url : v.substring(6).trim().split(" +")) {
            Matcher m = UPLOAD_URL.matcher(url);
            if (!m.matches()) {
                throw ApiProblem.badRequest("Upload-Concat names something that is not an upload URL.");
            }
            ids.add(m.group(1));
        }
        return new Concat(Kind.FINAL, ids);
    }

    /** {@code <algorithm> <base64 digest>}; sha1 and sha256 only. */
    static UploadChecksum checksum(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.trim().split(" ");
        if (parts.length != 2 || value.length() > 128) {
            throw ApiProblem.badRequest("Upload-Checksum must be '<algorithm> <base64 digest>'.");
        }
        if (!UploadChecksum.isSupported(parts[0])) {
            throw ApiProblem.badRequest("Upload-Checksum algorithm must be one of " + UploadChecksum.SUPPORTED + ".");
        }
        byte[] digest = base64(parts[1], "Upload-Checksum");
        if (digest.length != ("sha1".equals(parts[0]) ? 20 : 32)) {
            throw ApiProblem.badRequest("Upload-Checksum has the wrong length for " + parts[0] + ".");
        }
        return new UploadChecksum(parts[0], digest);
    }

    /** Decodes {@code key base64value, key2 base64value2, key3}: bounded, keys unique, values UTF-8. */
    static Map<String, String> metadata(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        if (value.length() > MAX_METADATA_BYTES) {
            throw ApiProblem.badRequest("Upload-Metadata is longer than " + MAX_METADATA_BYTES + " bytes.");
        }
        String[] pairs = value.split(",", -1);
        if (pairs.length > MAX_METADATA_PAIRS) {
            throw ApiProblem.badRequest("Upload-Metadata has more than " + MAX_METADATA_PAIRS + " entries.");
        }
        for (String pair : pairs) {
            String[] kv = pair.trim().split(" ", -1);
            if (kv.length > 2 || !KEY.matcher(kv[0]).matches()) {
                throw ApiProblem.badRequest("Upload-Metadata must be 'key base64value' pairs separated by commas.");
            }
            String decoded = kv.length == 2 ? utf8(base64(kv[1], "Upload-Metadata '" + kv[0] + "'")) : "";
            if (out.put(kv[0], decoded) != null) {
                throw ApiProblem.badRequest("Upload-Metadata repeats the key '" + kv[0] + "'.");
            }
        }
        return out;
    }

    private static byte[] base64(String value, String what) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(what + " is not valid base64.");
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.badRequest("Upload-Metadata values must be UTF-8 text.");
        }
    }
}
