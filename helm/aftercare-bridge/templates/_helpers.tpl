{{/* Names and labels, the usual Helm way. */}}
{{- define "aftercare.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "aftercare.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "aftercare.selectorLabels" -}}
app.kubernetes.io/name: {{ include "aftercare.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "aftercare.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "aftercare.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: aftercare-bridge
{{- end -}}

{{- define "aftercare.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "aftercare.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "aftercare.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{- define "aftercare.production" -}}
{{- if eq .Values.mode "production" -}}true{{- end -}}
{{- end -}}

{{/* Embedded mode is one pod with its own data: it never scales out. */}}
{{- define "aftercare.replicas" -}}
{{- if include "aftercare.production" . -}}{{ .Values.replicaCount }}{{- else -}}1{{- end -}}
{{- end -}}

{{- define "aftercare.broker.fullname" -}}
{{- printf "%s-artemis" (include "aftercare.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "aftercare.broker.selectorLabels" -}}
app.kubernetes.io/name: artemis
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The broker the service connects to: the deployed one unless a URL is given. */}}
{{- define "aftercare.broker.url" -}}
{{- if and .Values.broker.deploy.enabled (not .Values.broker.url) -}}
{{- printf "tcp://%s:61616" (include "aftercare.broker.fullname" .) -}}
{{- else -}}
{{- required "broker.url: the external Artemis broker's URL (or broker.deploy.enabled)" .Values.broker.url -}}
{{- end -}}
{{- end -}}

{{- define "aftercare.issuer.tokenEndpoint" -}}
{{- default (printf "%s/oauth2/token" (trimSuffix "/" .Values.issuer.uri)) .Values.issuer.tokenEndpoint -}}
{{- end -}}
