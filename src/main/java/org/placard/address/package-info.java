/**
 * Where a file is served: host names, host scopes and names under {@code /.well-known/}. A Host
 * header, a scope and a name are each reduced to one canonical form, so that matching a request to
 * a file is a plain string comparison and no spelling of a name can reach anything else.
 */
package org.placard.address;
