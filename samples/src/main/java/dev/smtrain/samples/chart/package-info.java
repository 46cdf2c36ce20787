/**
 * Charts of a training job's metrics with XChart, as PNG or self-contained HTML. See
 * {@link dev.smtrain.samples.chart.MetricChart} and {@link dev.smtrain.samples.chart.MetricRecorder}.
 */
package dev.smtrain.samples.chart;
