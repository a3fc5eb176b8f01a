/** Not API: the Immutables style and validation helpers of seldon-hpa. May change without notice. */
package io.github.seldonhpa.internal;
