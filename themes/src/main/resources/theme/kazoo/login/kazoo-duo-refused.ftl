<#-- Duo did not approve: why, and a fresh start of the login. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true displayInfo=true; section>
    <#if section="header">
        ${msg("kazooDuoTitle")}
    <#elseif section="form">
        <div id="kazoo-duo-refused" class="${properties.kcFormClass!}"></div>
    <#elseif section="info">
        <a id="kazoo-try-again" href="${url.loginRestartFlowUrl}">${msg("kazooDuoRetry")}</a>
    </#if>
</@layout.registrationLayout>
