package org.symphainy.runtime.internal.wal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.serializer.persistence.types.Storer;
import org.eclipse.serializer.reference.Lazy;
import org.eclipse.store.storage.embedded.types.EmbeddedStorageManager;

/**
 * The stored graph, as the writer changes it: adds each batch of appends to the last segment (opening new segments as
 * they fill), stores every change of the batch with one EclipseStore commit, then publishes the new {@link LogTip}.
 * {@link #append} is called by the writer thread only; {@link #tip()} by anyone.
 */
final class SegmentedLog {

    private final EmbeddedStorageManager storage;
    private final WalRoot root;
    private final int capacity;
    private final BatchEncoder encoder;
    private final List<Segment> changed = new ArrayList<>(2);
    private final List<Segment> replaced = new ArrayList<>(1);
    private final Storer storer;
    private Segment tail;
    private volatile LogTip tip;
    private volatile long records;
    private volatile long commits;

    /** The log in {@code storage}, continuing from {@code state}. */
    SegmentedLog(EmbeddedStorageManager storage, WalRoot root, ChainState state, Clock clock) {
        this.storage = storage;
        this.root = root;
        this.capacity = root.segmentCapacity();
        this.storer = storage.createStorer();
        this.encoder = new BatchEncoder(clock, state.lastHashBytes(), state.lastHashOffset());
        this.tail = state.tail();
        this.tip = new LogTip(state.lastSequence(), Math.max(0, root.segmentCount() - 1), tail);
    }

    /** What readers may see now. */
    LogTip tip() {
        return tip;
    }

    /** The stored root. */
    WalRoot root() {
        return root;
    }

    /** Records written since opening. */
    long records() {
        return records;
    }

    /** Commits made since opening. */
    long commits() {
        return commits;
    }

    /** Writes {@code batch} as the next records with one commit; returns the first one's sequence. Writer only. */
    long append(List<PendingAppend> batch) {
        long first = tip.lastSequence() + 1;
        long next = first;
        boolean segmentsAdded = false;
        changed.clear();
        replaced.clear();
        for (int done = 0; done < batch.size();) {
            if (tail == null || tail.count() == capacity) {
                if (tail != null) {
                    replaced.add(tail);
                }
                tail = new Segment(next);
                root.add(Lazy.Reference(tail));
                segmentsAdded = true;
            }
            int take = Math.min(batch.size() - done, capacity - tail.count());
            tail.append(encoder.encode(tail.tail(), next, batch, done, take), capacity);
            if (!changed.contains(tail)) {
                changed.add(tail);
            }
            done += take;
            next += take;
        }
        commit(segmentsAdded);
        tip = new LogTip(next - 1, root.segmentCount() - 1, tail);
        records += batch.size();
        commits++;
        unloadFilled();
        return first;
    }

    /** Stores the batch's changes with the writer's one storer (a new storer per commit costs about a commit). */
    private void commit(boolean segmentsAdded) {
        for (Segment segment : changed) {
            storer.store(segment);
        }
        if (segmentsAdded) {
            storer.store(root.segmentArray());
            storer.store(root);
        }
        storer.commit();
    }

    /** Lets go of the full segments this batch moved past: stored, they never change again; readers reload them. */
    private void unloadFilled() {
        for (Segment segment : replaced) {
            root.segment((int) ((segment.firstSequence() - 1) / capacity)).clear();
        }
    }
}
