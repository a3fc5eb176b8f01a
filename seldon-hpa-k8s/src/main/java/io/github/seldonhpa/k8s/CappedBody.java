package io.github.seldonhpa.k8s;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A response body read as UTF-8 text, at most {@code limit} bytes: a declared {@code Content-Length} above
 * the limit is refused before reading, and a body that grows past it is cancelled as soon as it does, so an
 * endless or huge answer never fills the heap. {@link #abort()} cancels the reading from outside (on the
 * client's deadline).
 */
final class CappedBody implements HttpResponse.BodyHandler<String> {
  /** The body passed the limit. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("response body larger than " + limit + " bytes");
    }
  }

  private final long limit;
  private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
  private volatile boolean aborted;

  CappedBody(long limit) {
    this.limit = limit;
  }

  void abort() {
    aborted = true;
    Flow.Subscription s = subscription.get();
    if (s != null) {
      s.cancel();
    }
  }

  @Override
  public HttpResponse.BodySubscriber<String> apply(HttpResponse.ResponseInfo info) {
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    return new Subscriber(declared > limit);
  }

  private final class Subscriber implements HttpResponse.BodySubscriber<String> {
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final boolean refuse;

    Subscriber(boolean refuse) {
      this.refuse = refuse;
    }

    @Override
    public CompletionStage<String> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription.set(s);
      if (refuse || aborted) {
        s.cancel();
        result.completeExceptionally(new TooLarge(limit));
      } else {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + (long) buffer.remaining() > limit) {
          subscription.get().cancel();
          result.completeExceptionally(new TooLarge(limit));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toString(StandardCharsets.UTF_8));
    }
  }
}
