package io.clipfeed.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded Lucene index of listed videos: title, description, hashtags and the creator's username. Queries
 * are typo tolerant: every word matches exactly (boosted) or within one or two edits, in any field. Pure library
 * code around one directory; {@link SearchIndexer} keeps it current.
 */
final class SearchIndex implements AutoCloseable {

    static final String[] FIELDS = {"title", "tags", "creator", "description"};
    private static final float[] BOOSTS = {3f, 2.5f, 2f, 1f};
    static final int MAX_WORDS = 8;

    private final Directory directory;
    private final Analyzer analyzer = new StandardAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean existed;

    SearchIndex(Path dir) {
        try {
            directory = FSDirectory.open(dir);
            existed = DirectoryReader.indexExists(directory);
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
            writer.commit();
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index at " + dir, e);
        }
    }

    /** False when the directory held no index at start (so it must be rebuilt from the catalog). */
    boolean existed() {
        return existed;
    }

    void put(String videoId, String title, String description, List<String> hashtags, String creator) {
        Document doc = new Document();
        doc.add(new StringField("id", videoId, Field.Store.YES));
        doc.add(new TextField("title", title == null ? "" : title, Field.Store.NO));
        doc.add(new TextField("description", description == null ? "" : description, Field.Store.NO));
        doc.add(new TextField("tags", String.join(" ", hashtags), Field.Store.NO));
        doc.add(new TextField("creator", creator == null ? "" : creator, Field.Store.NO));
        write(() -> writer.updateDocument(new Term("id", videoId), doc));
    }

    void remove(String videoId) {
        write(() -> writer.deleteDocuments(new Term("id", videoId)));
    }

    /** Makes recent changes visible to searches and durable. */
    void commit() {
        write(() -> {
            writer.commit();
            searchers.maybeRefreshBlocking();
        });
    }

    /** Ids of the best matches, best first, skipping {@code offset}. */
    List<String> search(String text, int offset, int limit) {
        Query query = query(text);
        if (query == null) {
            return List.of();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                ScoreDoc[] hits = searcher.search(query, offset + limit).scoreDocs;
                List<String> ids = new ArrayList<>();
                for (int i = offset; i < hits.length; i++) {
                    ids.add(searcher.storedFields().document(hits[i].doc).get("id"));
                }
                return ids;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every word must match some field, exactly or fuzzily; null when the text has no words. */
    Query query(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : words) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            int edits = word.length() <= 2 ? 0 : word.length() <= 5 ? 1 : 2;
            for (int f = 0; f < FIELDS.length; f++) {
                Term term = new Term(FIELDS[f], word);
                any.add(new BoostQuery(new TermQuery(term), BOOSTS[f] * 2), BooleanClause.Occur.SHOULD);
                if (edits > 0) {
                    any.add(new BoostQuery(new FuzzyQuery(term, edits, 1), BOOSTS[f]), BooleanClause.Occur.SHOULD);
                }
            }
            all.add(any.build(), BooleanClause.Occur.MUST);
        }
        return all.build();
    }

    private List<String> words(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream("title", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && words.size() < MAX_WORDS) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private interface IndexWork {
        void run() throws IOException;
    }

    private void write(IndexWork work) {
        try {
            work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
