package io.clipfeed.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Draws one frame of a demo clip: a gradient drifting between the clip's two hues, circles orbiting the centre,
 * the caption, and a progress bar, so motion, colour and text all exercise the encoder and the player.
 */
final class ClipPainter {

    private final ClipSpec spec;

    ClipPainter(ClipSpec spec) {
        this.spec = spec;
    }

    void paint(BufferedImage canvas, int frame) {
        double t = (double) frame / Math.max(1, spec.frames() - 1);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            background(g, t);
            orbits(g, t);
            caption(g);
            progress(g, t);
        } finally {
            g.dispose();
        }
    }

    private void background(Graphics2D g, double t) {
        float hue = (float) (spec.hueFrom() + (spec.hueTo() - spec.hueFrom()) * t);
        Color top = Color.getHSBColor(hue, 0.65f, 0.95f);
        Color bottom = Color.getHSBColor(hue + 0.15f, 0.8f, 0.35f);
        g.setPaint(new GradientPaint(0, 0, top, 0, spec.height(), bottom));
        g.fillRect(0, 0, spec.width(), spec.height());
    }

    private void orbits(Graphics2D g, double t) {
        int cx = spec.width() / 2;
        int cy = spec.height() / 2;
        int radius = spec.width() / 3;
        for (int i = 0; i < 3; i++) {
            double angle = 2 * Math.PI * (t + i / 3.0);
            int size = spec.width() / 6 + i * spec.width() / 30;
            int x = (int) (cx + radius * Math.cos(angle)) - size / 2;
            int y = (int) (cy + radius * Math.sin(angle) * 1.4) - size / 2;
            g.setColor(new Color(255, 255, 255, 90 + 50 * i));
            g.fillOval(x, y, size, size);
        }
        g.setColor(new Color(255, 255, 255, 200));
        g.setStroke(new BasicStroke(spec.width() / 90f));
        g.drawOval(cx - radius, cy - (int) (radius * 1.4), 2 * radius, (int) (2 * radius * 1.4));
    }

    private void caption(Graphics2D g) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, spec.width() / 12));
        FontMetrics fm = g.getFontMetrics();
        int x = (spec.width() - fm.stringWidth(spec.caption())) / 2;
        int y = spec.height() / 6;
        g.setColor(new Color(0, 0, 0, 120));
        g.drawString(spec.caption(), x + 3, y + 3);
        g.setColor(Color.WHITE);
        g.drawString(spec.caption(), x, y);
    }

    private void progress(Graphics2D g, double t) {
        int h = Math.max(4, spec.height() / 160);
        g.setColor(new Color(255, 255, 255, 80));
        g.fillRect(0, spec.height() - h, spec.width(), h);
        g.setColor(Color.WHITE);
        g.fillRect(0, spec.height() - h, (int) (spec.width() * t), h);
    }
}
