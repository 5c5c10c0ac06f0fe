<#-- The hand-off to Duo's Universal Prompt. With no other way to log in offered it moves on by itself; with
     alternatives ("Try another way", drawn by the layout) the user chooses. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false displayInfo=true; section>
    <#if section="header">
        ${msg("kazooDuoTitle")}
    <#elseif section="form">
        <#if kazooDuoAutoContinue>
            <meta http-equiv="refresh" content="0;url=${kazooDuoUrl}">
        </#if>
        <div id="kc-kazoo-duo" class="${properties.kcFormClass!}">
            <p class="instruction">${msg("kazooDuoHandOff")}</p>
            <a id="kazoo-duo-continue" href="${kazooDuoUrl}"
               class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}">${msg("kazooDuoContinue")}</a>
        </div>
    <#elseif section="info">
        ${msg("kazooDuoHelp")}
    </#if>
</@layout.registrationLayout>
