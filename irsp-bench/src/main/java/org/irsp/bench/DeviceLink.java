package org.irsp.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import jakarta.json.JsonObject;
import org.irsp.client.IrspSocket;
import org.irsp.client.Wire;

/**
 * One device's WebSocket in the connection benchmark, on Netty so that thousands share one selector thread
 * and each can leave from a chosen source address. It binds, then sends a Heartbeat every half heartbeat
 * interval (§8.5) and counts nothing else.
 */
final class DeviceLink extends SimpleChannelInboundHandler<WebSocketFrame> {

    private final CompletableFuture<JsonObject> bindReply = new CompletableFuture<>();
    private final CompletableFuture<Void> handshake = new CompletableFuture<>();
    private final IntConsumer onLost;
    private volatile boolean bound;
    private volatile int closeCode = 1006;
    private Channel channel;

    private DeviceLink(IntConsumer onLost) {
        this.onLost = onLost;
    }

    /** Opens the socket from {@code source}, binds {@code connId} and starts the heartbeats; fails unless the bind is answered 200. */
    static DeviceLink bind(EventLoopGroup loop, URI server, String source, String token, String connId, IntConsumer onLost)
            throws Exception {
        DeviceLink link = new DeviceLink(onLost);
        URI ws = URI.create(server.toString().replaceFirst("^http", "ws") + "/irsp/ws");
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder().webSocketUri(ws)
                .subprotocol(IrspSocket.SUBPROTOCOL).handleCloseFrames(false).handshakeTimeoutMillis(60_000)
                .customHeaders(new DefaultHttpHeaders().add("Authorization", "Bearer " + token)).build();
        link.channel = new Bootstrap().group(loop).channel(NioSocketChannel.class).handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                        new WebSocketClientProtocolHandler(config), link);
            }
        }).connect(new InetSocketAddress(ws.getHost(), ws.getPort()), new InetSocketAddress(source, 0)).sync().channel();
        link.channel.closeFuture().addListener(f -> link.closed());
        link.handshake.get(60, TimeUnit.SECONDS);
        link.send("{\"type\":\"ConnectionIdBindRequest\",\"msgId\":\"" + UUID.randomUUID() + "\",\"body\":{\"connId\":\"" + connId + "\"}}");
        JsonObject reply = link.bindReply.get(60, TimeUnit.SECONDS);
        if (reply.getInt("retCode", 0) != 200) {
            link.channel.close();
            throw new IllegalStateException("bind answered " + reply);
        }
        long half = Math.max(1, reply.getJsonObject("body").getInt("heartbeatSeconds", 60)) * 500L;
        link.bound = true;
        link.channel.eventLoop().scheduleAtFixedRate(() -> link.send("{\"type\":\"Heartbeat\",\"msgId\":\"" + UUID.randomUUID() + "\",\"body\":{}}"),
                ThreadLocalRandom.current().nextLong(half), half, TimeUnit.MILLISECONDS);
        return link;
    }

    boolean open() {
        return channel.isActive();
    }

    void close() {
        bound = false;
        channel.close();
    }

    private void send(String frame) {
        if (channel.isActive()) {
            channel.writeAndFlush(new TextWebSocketFrame(frame));
        }
    }

    private void closed() {
        bindReply.completeExceptionally(new IllegalStateException("closed with " + closeCode));
        handshake.completeExceptionally(new IllegalStateException("closed during the handshake"));
        if (bound) {
            onLost.accept(closeCode);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            handshake.complete(null);
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof CloseWebSocketFrame close) {
            closeCode = close.statusCode();
            ctx.close();
        } else if (frame instanceof TextWebSocketFrame text && !bindReply.isDone()) {
            bindReply.complete(Wire.JSON.createReader(new StringReader(text.text())).readObject());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        handshake.completeExceptionally(cause);
        ctx.close();
    }
}
