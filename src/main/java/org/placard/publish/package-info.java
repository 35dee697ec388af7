/**
 * Publishing: the rules a file must follow before it is stored (scope, name, content type, body)
 * and the service that stores a change and puts it live. The API and the console both publish
 * through here, so both apply the same rules and both keep the history.
 */
package org.placard.publish;
